class Settings2 {
  static final String HMAC_SECRET = "0d63d03321703f6b95c6909c86d4721725bb3be8cb31c4318d2d4e75";
}
