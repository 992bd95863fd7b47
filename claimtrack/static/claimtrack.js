// Escape hides the chain tooltip of the focused claim until it loses focus
// (tooltips shown on focus must be dismissable without moving focus).
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  var claim = document.activeElement && document.activeElement.closest(".claim");
  if (claim) claim.classList.add("tip-dismissed");
});
document.addEventListener("focusout", function (event) {
  var claim = event.target.closest && event.target.closest(".claim");
  if (claim) claim.classList.remove("tip-dismissed");
});
