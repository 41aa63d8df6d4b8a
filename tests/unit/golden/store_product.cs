<?cs include:"mall/store/product.cs" ?>
