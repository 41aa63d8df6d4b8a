<?cs include:"mall/shop/cart.cs" ?>
