// Actor network: relaxes the server's circular layout with a small force simulation
// (repulsion between nodes, springs along edges, a pull to the centre), then lets nodes be
// dragged. Without this file the graph still shows, laid out on a circle.
(function () {
  "use strict";
  var svg = document.getElementById("network");
  var source = document.getElementById("network-data");
  if (!svg || !source) { return; }
  var data = JSON.parse(source.textContent);
  var size = data.size, centre = size / 2, margin = 60;
  var nodes = {};
  data.nodes.forEach(function (n) { nodes[n.id] = { x: n.x, y: n.y, dx: 0, dy: 0, r: n.r }; });
  var ids = Object.keys(nodes);
  var links = data.edges.filter(function (e) { return nodes[e.source] && nodes[e.target]; });

  // Fruchterman–Reingold: repulsion k²/d between every pair, attraction d²/k along edges,
  // a weak pull to the centre so that loose actors stay on the canvas; moves cool down.
  var k = 0.85 * Math.sqrt((size * size) / Math.max(ids.length, 1));
  function step(temperature) {
    var i, j, a, b, dx, dy, d, f;
    ids.forEach(function (id) { nodes[id].dx = 0; nodes[id].dy = 0; });
    for (i = 0; i < ids.length; i++) {
      a = nodes[ids[i]];
      for (j = i + 1; j < ids.length; j++) {
        b = nodes[ids[j]];
        dx = a.x - b.x; dy = a.y - b.y; d = Math.sqrt(dx * dx + dy * dy) || 0.1;
        f = (k * k) / d;
        a.dx += dx / d * f; a.dy += dy / d * f; b.dx -= dx / d * f; b.dy -= dy / d * f;
      }
    }
    links.forEach(function (e) {
      a = nodes[e.source]; b = nodes[e.target];
      dx = a.x - b.x; dy = a.y - b.y; d = Math.sqrt(dx * dx + dy * dy) || 0.1;
      f = (d * d) / k;
      a.dx -= dx / d * f; a.dy -= dy / d * f; b.dx += dx / d * f; b.dy += dy / d * f;
    });
    ids.forEach(function (id) {
      var n = nodes[id];
      if (n.fixed) { return; }
      n.dx += (centre - n.x) * 0.35; n.dy += (centre - n.y) * 0.35;
      d = Math.sqrt(n.dx * n.dx + n.dy * n.dy) || 1;
      n.x = Math.max(margin, Math.min(size - margin, n.x + n.dx / d * Math.min(d, temperature)));
      n.y = Math.max(margin, Math.min(size - margin, n.y + n.dy / d * Math.min(d, temperature)));
    });
  }

  var nodeEls = {};
  svg.querySelectorAll(".node").forEach(function (el) { nodeEls[el.dataset.id] = el; });
  var edgeEls = Array.prototype.slice.call(svg.querySelectorAll(".edge"));

  function draw() {
    ids.forEach(function (id) {
      var el = nodeEls[id], n = nodes[id];
      if (!el) { return; }
      var circle = el.querySelector("circle"), label = el.querySelector("text");
      circle.setAttribute("cx", n.x.toFixed(1)); circle.setAttribute("cy", n.y.toFixed(1));
      label.setAttribute("x", n.x.toFixed(1)); label.setAttribute("y", (n.y - n.r - 3).toFixed(1));
    });
    edgeEls.forEach(function (el) {
      var a = nodes[el.dataset.source], b = nodes[el.dataset.target];
      if (!a || !b) { return; }
      el.setAttribute("x1", a.x.toFixed(1)); el.setAttribute("y1", a.y.toFixed(1));
      el.setAttribute("x2", b.x.toFixed(1)); el.setAttribute("y2", b.y.toFixed(1));
    });
  }

  for (var round = 0; round < 300; round++) { step((size / 12) * (1 - round / 300) + 0.5); }
  draw();
  svg.classList.add("laid-out");

  // Dragging listens on the window so that a plain click still reaches the node's link.
  var dragged = null, start = null, moved = false, suppressClick = false;
  function point(event) {
    var p = svg.createSVGPoint();
    p.x = event.clientX; p.y = event.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  svg.addEventListener("pointerdown", function (event) {
    var el = event.target.closest(".node");
    if (!el) { return; }
    dragged = nodes[el.dataset.id]; start = [event.clientX, event.clientY]; moved = false;
    event.preventDefault();
  });
  window.addEventListener("pointermove", function (event) {
    if (!dragged) { return; }
    if (!moved && Math.abs(event.clientX - start[0]) + Math.abs(event.clientY - start[1]) < 4) { return; }
    var p = point(event);
    dragged.x = p.x; dragged.y = p.y; dragged.fixed = true; moved = true;
    draw();
  });
  window.addEventListener("pointerup", function () {
    suppressClick = moved;
    dragged = null;
  });
  svg.addEventListener("click", function (event) {
    if (suppressClick && event.target.closest(".node")) { event.preventDefault(); }
    suppressClick = false;
  });
})();
