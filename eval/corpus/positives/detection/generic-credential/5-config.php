<?php
return [
  'password' => 'FkI8C1Mp!OGBz0',
  'secret_key' => 'FAKEdzWww9mArzSebzccXIFVtquMKmUH',
];
