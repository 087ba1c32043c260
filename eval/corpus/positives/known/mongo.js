const uri = "mongodb+srv://admin:FAKET89IlvVwtszpSQoW@cluster0.fake.mongodb.net/prod?retryWrites=true";
