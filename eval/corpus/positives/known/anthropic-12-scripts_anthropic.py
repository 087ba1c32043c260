import os

ANTHROPIC_KEY = "sk-ant-api03-FAKE23NVxmnY_AmUXIJRcH8vgO849tnY3y3eyaljX9vW9LpiGk3jpCGsLzKQUU3Gi8Xe36EuXPu2MvWH1UpWB7Kl_KIZJAA"

def main():
    print("ok")
