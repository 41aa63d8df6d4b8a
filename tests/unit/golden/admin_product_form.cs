<?cs include:"admin/catalog/product_form.cs" ?>
