import os

SECRET_KEY = os.environ["SECRET_KEY"]
DB_PASSWORD = os.getenv("DB_PASSWORD", "")
API_TOKEN = settings.API_TOKEN
password_validators = ["min_length"]
