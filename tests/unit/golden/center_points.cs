<?cs include:"mall/center/points.cs" ?>
