var options = new Options {
    Password = "Fk8cJMgZ!MVfd2",
    ClientSecret = "FAKEjWdpM8NmTZ1pTviv1uFdaU4JsVyH",
};
