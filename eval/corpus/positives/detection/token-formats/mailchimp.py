import requests

MAILCHIMP_TOKEN = "4f834aa8f2d66b9fd7d54438e1329d94-us3"
