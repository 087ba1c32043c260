import os

NOTION_KEY = "ntn_14792966470FAKEkiUs9TOQRAxxB5Vudj6TynTQWpRv7qw"

def main():
    print("ok")
