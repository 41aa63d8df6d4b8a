<?cs # chart.cs: SVG charts drawn from geometry the server computed (cgi/domain/svg_chart.c); every value escaped ?>
<?cs def:lchart(c, title, id) ?>
<figure class="chart" aria-labelledby="<?cs var:id ?>-t">
  <figcaption id="<?cs var:id ?>-t" class="chart-title"><?cs var:title ?></figcaption>
  <svg class="chart-svg" viewBox="0 0 <?cs var:c.Width ?> <?cs var:c.Height ?>" role="img" aria-labelledby="<?cs var:id ?>-t" preserveAspectRatio="xMidYMid meet">
    <?cs each:t = c.Ticks ?>
    <line class="chart-grid" x1="<?cs var:c.Left ?>" x2="<?cs var:c.Right ?>" y1="<?cs var:t.Y ?>" y2="<?cs var:t.Y ?>"/>
    <text class="chart-tick" x="<?cs var:c.Left - 8 ?>" y="<?cs var:t.Y ?>" dy="4" text-anchor="end"><?cs var:t.Label ?></text>
    <?cs /each ?>
    <line class="chart-axis" x1="<?cs var:c.Left ?>" x2="<?cs var:c.Right ?>" y1="<?cs var:c.Bottom ?>" y2="<?cs var:c.Bottom ?>"/>
    <?cs each:x = c.XLabels ?>
    <text class="chart-tick" x="<?cs var:x.X ?>" y="<?cs var:c.LabelY ?>" text-anchor="middle"><?cs var:x.Label ?></text>
    <?cs /each ?>
    <?cs each:s = c.Series ?>
    <g class="chart-series <?cs var:s.Class ?>">
      <polyline class="chart-line" points="<?cs var:s.Points ?>"><title><?cs var:s.Name ?></title></polyline>
      <?cs each:d = s.Dots ?><circle class="chart-dot" cx="<?cs var:d.X ?>" cy="<?cs var:d.Y ?>" r="3"><title><?cs var:d.Label ?> <?cs var:s.Name ?>: <?cs var:d.Value ?></title></circle><?cs /each ?><?cs if:s.EndX ?><circle class="chart-now" cx="<?cs var:s.EndX ?>" cy="<?cs var:s.EndY ?>" r="4"/><?cs /if ?>
    </g>
    <?cs /each ?>
  </svg>
  <?cs if:subcount(c.Series) > 1 ?>
  <ul class="chart-legend">
    <?cs each:s = c.Series ?><li class="<?cs var:s.Class ?>"><span class="chart-swatch" aria-hidden="true"></span><?cs var:s.Name ?></li><?cs /each ?>
  </ul>
  <?cs /if ?>
</figure>
<?cs /def ?>
<?cs def:bchart(c, title, id) ?>
<figure class="chart" aria-labelledby="<?cs var:id ?>-t">
  <figcaption id="<?cs var:id ?>-t" class="chart-title"><?cs var:title ?></figcaption>
  <svg class="chart-svg chart-svg-bars" viewBox="0 0 <?cs var:c.Width ?> <?cs var:c.Height ?>" role="img" aria-labelledby="<?cs var:id ?>-t" preserveAspectRatio="xMidYMid meet">
    <?cs each:t = c.Ticks ?>
    <line class="chart-grid" x1="<?cs var:t.X ?>" x2="<?cs var:t.X ?>" y1="<?cs var:c.Top ?>" y2="<?cs var:c.Bottom ?>"/>
    <text class="chart-tick" x="<?cs var:t.X ?>" y="<?cs var:c.LabelY ?>" text-anchor="middle"><?cs var:t.Label ?></text>
    <?cs /each ?>
    <?cs each:b = c.Bars ?>
    <g class="chart-bar">
      <title><?cs var:b.Full ?>: <?cs var:b.Value ?></title>
      <text class="chart-label" x="<?cs var:c.Left - 8 ?>" y="<?cs var:b.TextY ?>" text-anchor="end"><?cs var:b.Label ?></text>
      <rect x="<?cs var:c.Left ?>" y="<?cs var:b.Y ?>" width="<?cs var:b.W ?>" height="<?cs var:b.H ?>" rx="2"/>
      <text class="chart-value" x="<?cs var:b.ValueX ?>" y="<?cs var:b.TextY ?>"><?cs var:b.Value ?></text>
    </g>
    <?cs /each ?>
  </svg>
</figure>
<?cs /def ?>
