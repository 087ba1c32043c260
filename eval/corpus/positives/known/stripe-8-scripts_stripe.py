import os

STRIPE_KEY = "sk_live_FAKEWkkGlduK0KgjGqR5FRzn"

def main():
    print("ok")
