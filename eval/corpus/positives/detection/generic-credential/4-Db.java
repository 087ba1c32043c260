class Db {
  private static final String DB_PASSWORD = "FkmauIC4!AoPU6";
  private static final String CLIENT_SECRET = "FAKE16gIabb29Rc3b8Lde0z590HV0dkv";
}
