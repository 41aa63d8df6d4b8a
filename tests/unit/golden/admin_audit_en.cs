<?cs include:"admin/audit/list.cs" ?>
