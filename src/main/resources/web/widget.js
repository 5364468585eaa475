/* Moeen chat widget loader. On any website:
     <script src="https://clinic.example/widget.js" data-locale="ar" async></script>
   data-locale: ar (default) or en. This file is short-cached; everything it loads has a hashed name. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.moeenWidget) {
    return;
  }
  var origin = new URL(script.src, window.location.href).origin;
  var assets = origin + '{{assets}}';
  window.moeenWidget = { origin: origin, assets: assets };
  import(assets + '/widget/widget.js')
    .then(function (widget) {
      window.moeenWidget = widget.start({ origin: origin, assets: assets, locale: script.dataset.locale });
    })
    .catch(function (error) {
      console.error('Moeen chat widget could not start:', error);
    });
})();
