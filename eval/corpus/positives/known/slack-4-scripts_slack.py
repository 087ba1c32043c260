import os

SLACK_KEY = "xoxb-179739261472-4632045883276-FAKEPem60YwsLomotgi1RKXP"

def main():
    print("ok")
