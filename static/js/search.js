// Search page: a changed filter or order applies at once (the Apply button stays for keyboards
// and for browsers without scripts).
(function () {
  "use strict";
  document.querySelectorAll("[data-autosubmit]").forEach(function (input) {
    input.addEventListener("change", function () {
      var form = input.form;
      if (form) {
        form.requestSubmit ? form.requestSubmit() : form.submit();
      }
    });
  });
})();
