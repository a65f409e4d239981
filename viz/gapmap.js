// watwerkt gap map: a click on a cell lists its cases; a select shows one facet.
// Texts reach the page through textContent only.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ww-gap-data").textContent);
  var panel = document.getElementById("ww-gap-panel");
  function el(tag, text) { var x = document.createElement(tag); if (text != null) { x.textContent = String(text); } return x; }
  document.querySelectorAll("button[data-cell]").forEach(function (b) {
    b.addEventListener("click", function () {
      var ref = b.getAttribute("data-cell"), at = ref.indexOf(":");
      var cell = data.facets[Number(ref.slice(0, at))].cells[ref.slice(at + 1)];
      panel.replaceChildren();
      panel.appendChild(el("h2", cell.title));
      panel.appendChild(el("p", cell.counts));
      panel.appendChild(el("p", cell.research));
      var ul = el("ul");
      cell.cases.forEach(function (c) {
        var li = el("li");
        if (data.caseLink) {
          var a = el("a", c.label);
          a.setAttribute("href", data.caseLink.replace("{id}", encodeURIComponent(c.id)));
          li.appendChild(a);
        } else {
          li.appendChild(el("span", c.label + " "));
          li.appendChild(el("code", "watwerkt case " + c.id));
        }
        ul.appendChild(li);
      });
      panel.appendChild(ul);
      panel.setAttribute("data-open", b.getAttribute("data-cell"));
      panel.focus();
    });
  });
  var select = document.getElementById("ww-facet");
  function show() {
    document.querySelectorAll("section[data-facet]").forEach(function (s) {
      s.hidden = select.value !== "all" && s.getAttribute("data-facet") !== select.value;
    });
  }
  select.addEventListener("change", show);
  show();
  document.body.setAttribute("data-drawn", "true");
})();
