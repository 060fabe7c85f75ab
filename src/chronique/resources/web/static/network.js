// The network page: actors as nodes (size: mentions), shared events as edges (width: how many,
// colour: their mean score from conflict red through grey to cooperation green).
(function () {
  "use strict";
  var data = document.getElementById("graph-data");
  var container = document.getElementById("network");
  if (!data || !container) return;
  if (typeof window.cytoscape === "undefined") {
    document.getElementById("network-missing").classList.remove("hidden");
    return;
  }
  var graph = JSON.parse(data.textContent);
  var RED = [224, 49, 49], GREY = [173, 181, 189], GREEN = [47, 158, 68];
  var TYPE_COLOURS = { PERSON: "#7048e8", ORG: "#1c7ed6", PRODUCT: "#f08c00", LOC: "#0ca678" };

  function mix(a, b, t) {
    return "rgb(" + a.map(function (v, i) { return Math.round(v + (b[i] - v) * t); }).join(",") + ")";
  }

  function edgeColour(score, events) {
    var mean = score / Math.max(events, 1);
    var t = Math.max(-1, Math.min(1, mean / 3));  // a mean of ±3 (an accusation is −2) is full colour
    return t < 0 ? mix(GREY, RED, -t) : mix(GREY, GREEN, t);
  }

  // Start from a circle rather than random places, so the same graph is drawn the same way.
  var count = Math.max(graph.nodes.length, 1);
  var elements = graph.nodes.map(function (n, i) {
    var angle = 2 * Math.PI * i / count;
    return { data: { id: n.id, label: n.name, colour: TYPE_COLOURS[n.type] || "#868e96",
                     size: 18 + 7 * Math.sqrt(n.mentions) },
             position: { x: 300 * Math.cos(angle), y: 300 * Math.sin(angle) } };
  }).concat(graph.edges.map(function (e, i) {
    return { data: { id: "edge-" + i, source: e.source, target: e.target,
                     width: 1.5 + 2 * Math.sqrt(e.events), colour: edgeColour(e.score, e.events) } };
  }));

  var cy = window.cytoscape({
    container: container,
    elements: elements,
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", "width": "data(size)", "height": "data(size)",
        "label": "data(label)", "font-size": 12, "font-family": "system-ui, sans-serif",
        "color": "#1d2330", "text-valign": "bottom", "text-margin-y": 4,
        "text-background-color": "#ffffff", "text-background-opacity": 0.8,
        "text-background-padding": 2, "border-width": 2, "border-color": "#ffffff" } },
      { selector: "edge", style: {
        "width": "data(width)", "line-color": "data(colour)", "curve-style": "bezier", "opacity": 0.9 } },
      { selector: "node:selected", style: { "border-color": "#1d2330", "border-width": 3 } }
    ],
    layout: { name: "cose", animate: false, randomize: false, padding: 40, nodeOverlap: 20,
              nodeRepulsion: function () { return 40000; }, idealEdgeLength: function () { return 150; } }
  });

  // A small graph would be blown up to fill the box: keep labels at a readable size.
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }

  cy.on("tap", "node", function (event) {
    window.location.href = "/actors/" + encodeURIComponent(event.target.id());
  });
  cy.on("tap", "edge", function (event) {
    var edge = event.target.data();
    window.location.href = "/pairs/" + encodeURIComponent(edge.source) + "/" + encodeURIComponent(edge.target);
  });
  container.dataset.ready = "true";
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
})();
