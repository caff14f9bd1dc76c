// Applies the saved theme before the page paints; without a saved choice the system's is used.
(function () {
  try {
    var saved = window.localStorage.getItem('contracts-theme');
    if (saved === 'light' || saved === 'dark') document.documentElement.setAttribute('data-theme', saved);
  } catch (e) {
    /* storage may be off (file://, private mode): the system theme applies */
  }
})();
