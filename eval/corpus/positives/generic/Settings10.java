class Settings10 {
  static final String ENCRYPTION_KEY = "b5zBfpNqF2BUgEZtvTxSoiVN8Vl+caSIwxvc3FurfmHDbM0ckqPBxQ==";
}
