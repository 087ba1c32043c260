import os

DATABRICKS_KEY = "dapi88dc59b1e931da6509d833dc12a18bf9"

def main():
    print("ok")
