{
  programs.git.signingKey = "2CEA90502F6F3637";
  services.restic.passwordSecret = "restic/nas-0-password";
  ipv6AcceptRAConfig.Token = "::521a:c5ff:fefe:65d9";
  vm_password = local.secrets.vm_password;
}
