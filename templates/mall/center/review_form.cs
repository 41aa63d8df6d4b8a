<?cs # review_form.cs: A7 write a review of one order item (or why it cannot be reviewed) ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/center/macros.cs" ?>
<div class="container center-layout">
<?cs call:center_side() ?>
<section class="center-main">
  <h1 class="page-title"><?cs var:Lang.Center.Review.NewTitle ?></h1>
  <div class="card">
    <div class="review-item">
      <?cs if:Item.0.image ?><img src="<?cs var:Item.0.image ?>" alt="" width="80" height="80"><?cs /if ?>
      <div><p><a href="/product/<?cs var:Item.0.product_id ?>"><?cs var:Item.0.name ?></a> × <?cs var:Item.0.quantity ?></p>
      <p class="muted"><?cs var:Lang.Center.Review.Order ?> <a href="/order/<?cs var:url_escape(Item.0.order_no) ?>"><?cs var:Item.0.order_no ?></a></p></div>
    </div>
    <?cs if:Review.Refused ?>
    <div class="flash flash-error review-refused" role="alert"><?cs var:Review.Refused ?></div>
    <p><a class="btn-link" href="/reviews"><?cs var:Lang.Center.Review.Back ?></a></p>
    <?cs else ?>
    <form class="form" method="post" action="/review" novalidate>
      <?cs call:csrf() ?>
      <input type="hidden" name="item" value="<?cs var:Item.0.id ?>">
      <fieldset class="form-row score-row<?cs if:Form.Errors.score ?> has-error<?cs /if ?>"<?cs call:aria(Form.Errors.score, "score", "") ?>>
        <legend><?cs var:Lang.Center.Review.Score ?></legend>
        <?cs loop:i = 5, 1, -1 ?><label class="score-choice"><input type="radio" name="score" value="<?cs var:i ?>" required<?cs if:Form.Values.score == i ?> checked<?cs /if ?>> <?cs loop:j = 1, i, 1 ?>★<?cs /loop ?> <?cs var:Lang.Center.Review.Scores[i] ?></label><?cs /loop ?>
        <?cs call:ferr(Form.Errors.score, "score", "") ?>
      </fieldset>
      <?cs call:area("content", Lang.Center.Review.Content, 5, Review.Max, 1, Lang.Center.Review.Hint) ?>
      <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Center.Review.Submit ?></button></div>
    </form>
    <?cs /if ?>
  </div>
</section>
</div>
