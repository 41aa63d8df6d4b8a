<?cs # ask.cs: A6 ask a question about a product (shown again with the error when the question is invalid) ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/center/macros.cs" ?>
<div class="container center-layout">
<?cs call:center_side() ?>
<section class="center-main">
  <h1 class="page-title"><?cs var:Lang.Center.Ask.Title ?></h1>
  <div class="card">
    <p class="ask-product"><a href="/product/<?cs var:Product.0.id ?>"><?cs if:Product.0.image ?><img src="<?cs var:Product.0.image ?>" alt="" width="64" height="64"> <?cs /if ?><?cs var:Product.0.name ?></a></p>
    <form class="form" method="post" action="/product/<?cs var:Product.0.id ?>/ask" novalidate>
      <?cs call:csrf() ?>
      <?cs call:area("question", Lang.Center.Ask.Question, 5, Ask.Max, 1, Lang.Center.Ask.Hint) ?>
      <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Center.Ask.Submit ?></button> <a class="btn-link" href="/product/<?cs var:Product.0.id ?>#qa"><?cs var:Lang.Center.Ask.BackToProduct ?></a></div>
    </form>
  </div>
</section>
</div>
