nc, _ := nats.Connect("nats://svc:Fk3HX3Zz!tBw09@nats.prod.internal:4222")
