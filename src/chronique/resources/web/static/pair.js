// The pair page's chart: the conflict–cooperation score of each month with events, as stacked
// bars (cooperation up in green, conflict down in red) and the net score as a line.
(function () {
  "use strict";
  var data = document.getElementById("series-data");
  var canvas = document.getElementById("series-chart");
  if (!data || !canvas) return;
  if (typeof window.Chart === "undefined") {
    document.getElementById("chart-missing").classList.remove("hidden");
    return;
  }
  var series = JSON.parse(data.textContent);
  var labels = series.map(function (p) { return p.period; });
  new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: labels,
      datasets: [
        { label: "cooperation", data: series.map(function (p) { return p.cooperation; }),
          backgroundColor: "rgba(47, 158, 68, 0.75)", stack: "score", order: 2 },
        { label: "conflict", data: series.map(function (p) { return p.conflict; }),
          backgroundColor: "rgba(224, 49, 49, 0.75)", stack: "score", order: 2 },
        { type: "line", label: "net score", data: series.map(function (p) { return p.score; }),
          borderColor: "#343a40", backgroundColor: "#343a40", pointRadius: 4, tension: 0.25, order: 1 }
      ]
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      plugins: {
        legend: { position: "bottom" },
        tooltip: {
          callbacks: {
            footer: function (items) {
              var point = series[items[0].dataIndex];
              return point.events + (point.events === 1 ? " event" : " events");
            }
          }
        }
      },
      scales: {
        x: { stacked: true, grid: { display: false } },
        y: { stacked: true, title: { display: true, text: "score" } }
      }
    }
  });
  canvas.dataset.ready = "true";
})();
