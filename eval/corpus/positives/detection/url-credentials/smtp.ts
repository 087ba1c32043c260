const transport = createTransport('smtp://mailer:FkIEHPDZ!jsI76@smtp.prod.internal:587');
