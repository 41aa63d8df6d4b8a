<?cs include:"admin/ops/orders.cs" ?>
