<?cs include:"merchant/verify/form.cs" ?>
