class Auth {
  static final String PASSWORD_PARAM = "password";
  static final String TOKEN_HEADER = "X-Auth-Token";
  static final String SECRET_ALGORITHM = "HmacSHA256";
  String password = request.getParameter("password");
}
