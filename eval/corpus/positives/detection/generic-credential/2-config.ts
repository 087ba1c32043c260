export const config = {
  password: "FkgzGUIq!aX3S2",
  authToken: "FAKEavAz07Baph6siWGbprggpTyqdDna",
};
