<?cs include:"mall/card/card.cs" ?>
