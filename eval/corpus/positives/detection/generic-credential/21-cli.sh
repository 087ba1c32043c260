vault login -method=userpass username=ops password=FkSeQqXS!9ekA8
terraform-cloud --api-token FAKE9L57hNlWWspFT91eoIYv7AS8yoVp
