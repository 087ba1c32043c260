DATABASES = {"default": {"USER": "app", "PASSWORD": "FkiCvMnu!yzWo6"}}
SECRET_KEY = "FAKETVMcIoVCQCbTnKdAl3pqhw5I9Chu"
