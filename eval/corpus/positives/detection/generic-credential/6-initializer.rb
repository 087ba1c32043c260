Mailer.configure do |c|
  c.password = "FkJI2LKV!zv2O9"
  c.api_secret = "FAKEL1hCEzj66b5cSToxcGr1bt8c9GfA"
end
