class Settings6 {
  static final String INTERNAL_API_SECRET = "3fUbQlY+qOZjQScl6dloFlHMF+jg8AKL9ZQ2TPPvr1gexW10";
}
