<?cs include:"mall/auth/login.cs" ?>
