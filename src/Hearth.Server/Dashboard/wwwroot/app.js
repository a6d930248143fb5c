// Hearth dashboard: plain JavaScript, no build step. Live data arrives as Server-Sent Events read through
// fetch(), so that the bearer token (needed when the node listens beyond loopback) can travel in a header.
"use strict";

const WINDOW_MS = 10 * 60 * 1000;
const METRICS = [
  { key: "util", label: "utilisation", unit: "%", max: 100 },
  { key: "temp", label: "temperature", unit: "°C" },
  { key: "power", label: "power", unit: "W" },
  { key: "mem_used", label: "memory", unit: "GiB", scale: 1 / 2 ** 30 },
];
const series = new Map(); // "gpu0.util" -> [[ms, value|null], ...]
let devices = [];
let token = new URLSearchParams(location.hash.slice(1)).get("token") || localStorage.getItem("hearth-token") || "";

const $ = (selector) => document.querySelector(selector);
const text = (value) => String(value ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

async function api(path, options = {}) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const response = await fetch(path, { ...options, headers: { ...headers, ...options.headers } });
  if (response.status === 401) {
    $("#login").hidden = false;
    throw new Error("token needed");
  }
  return response;
}

function addPoint(name, at, value) {
  const points = series.get(name) || [];
  points.push([at, value]);
  while (points.length && points[0][0] < at - WINDOW_MS) points.shift();
  series.set(name, points);
}

function format(value, metric) {
  if (value === null || value === undefined) return "not exposed";
  const v = value * (metric.scale || 1);
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${metric.unit}`;
}

function renderDevices() {
  const root = $("#devices");
  for (const device of devices) {
    let card = root.querySelector(`[data-device="${device.id}"]`);
    if (!card) {
      card = document.createElement("article");
      card.className = "device";
      card.dataset.device = device.id;
      card.innerHTML = `<h3>${text(device.id)} · ${text(device.name)}</h3><div class="figures"></div><div class="charts">${
        METRICS.map((m) => `<div class="chart"><canvas data-series="${device.id}.${m.key}" width="300" height="70"></canvas><span>${m.label} ${m.unit}</span></div>`).join("")}</div>`;
      root.appendChild(card);
    }
    card.querySelector(".figures").innerHTML = METRICS.map((m) => {
      const points = series.get(`${device.id}.${m.key}`) || [];
      const last = points.length ? points[points.length - 1][1] : null;
      return `<span>${m.label} <b>${format(last, m)}</b></span>`;
    }).join("");
    for (const canvas of card.querySelectorAll("canvas")) draw(canvas, METRICS.find((m) => canvas.dataset.series.endsWith("." + m.key)));
  }
}

function draw(canvas, metric) {
  const points = series.get(canvas.dataset.series) || [];
  canvas.dataset.points = points.length;
  const ctx = canvas.getContext("2d");
  const { width, height } = canvas;
  ctx.clearRect(0, 0, width, height);
  const values = points.map((p) => (p[1] === null ? null : p[1] * (metric.scale || 1)));
  const known = values.filter((v) => v !== null);
  if (!known.length) return;
  const max = metric.max || Math.max(1, ...known) * 1.15;
  // The x axis ends at the newest point and spans what has been seen, from ten seconds to ten minutes.
  const now = points[points.length - 1][0];
  const span = Math.min(WINDOW_MS, Math.max(10 * 1000, now - points[0][0]));
  ctx.strokeStyle = "#e8590c";
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  let drawing = false;
  points.forEach((p, i) => {
    if (values[i] === null) { drawing = false; return; } // a gap: the sensor did not answer
    const x = width - ((now - p[0]) / span) * width;
    const y = height - 2 - (values[i] / max) * (height - 14);
    drawing ? ctx.lineTo(x, y) : ctx.moveTo(x, y);
    drawing = true;
  });
  ctx.stroke();
}

function renderAlerts(alerts) {
  const list = $("#alerts");
  list.innerHTML = alerts.length
    ? alerts.map((a) => `<li class="${text(a.severity)}" data-key="${text(a.key)}"><b>${text(a.severity)}</b> ${text(a.message)} <small>${new Date(a.raisedAt).toLocaleTimeString()}</small></li>`).join("")
    : `<li class="none">No alert.</li>`;
}

let activeAlerts = new Map();
function onAlert(alert) {
  alert.clearedAt ? activeAlerts.delete(alert.key) : activeAlerts.set(alert.key, alert);
  renderAlerts([...activeAlerts.values()]);
}

async function refreshTables() {
  try {
    const runs = await (await api("/api/runs")).json();
    $("#runs tbody").innerHTML = runs.slice(0, 20).map((j) =>
      `<tr><td>${j.id}</td><td><code>${text(j.command)}</code></td><td>${text(j.expect || "")}</td><td class="${j.expectationMet === false ? "fail" : j.endedAt ? "pass" : ""}">${text(j.verdict || "running…")}</td></tr>`).join("");
    const doctor = await api("/api/doctor");
    if (doctor.ok) {
      const report = await doctor.json();
      $("#doctor").className = "";
      $("#doctor").innerHTML = `<p>Your AI runs on: <b>${text(report.aiRunsOn)}</b> <small>(${new Date(report.generatedAt).toLocaleString()})</small></p><table><tbody>${
        report.devices.map((d) => `<tr><td>${text(d.id)}</td><td>${text(d.name)}</td><td class="${text(d.status)}">${text(d.verdict)}</td></tr>`).join("")}</tbody></table>`;
    }
    const bench = await api("/api/bench");
    if (bench.ok) {
      const figures = await bench.json();
      $("#bench").className = "";
      $("#bench").innerHTML = `<table><thead><tr><th>Device</th><th>Metric</th><th>N</th><th>Value</th><th>% of peak</th></tr></thead><tbody>${
        figures.map((f) => `<tr><td>${text(f.device)}</td><td>${text(f.metric)}</td><td>${f.size || ""}</td><td>${f.value.toFixed(1)} ${text(f.unit)}</td><td>${f.percentOfPeak ? f.percentOfPeak.toFixed(0) + "%" : ""}</td></tr>`).join("")}</tbody></table>`;
    }
  } catch { /* shown by the status line */ }
}

// "gpu0.util" → value: one "gpu0 97% 71 °C 300 W" per device.
function heat(readings) {
  const devices = {};
  for (const [key, value] of Object.entries(readings || {})) {
    const [device, metric] = [key.slice(0, key.indexOf(".")), key.slice(key.indexOf(".") + 1)];
    (devices[device] ||= []).push(metric === "util" ? `${value.toFixed(0)}%` : metric === "temp" ? `${value.toFixed(0)} °C` : `${value.toFixed(0)} W`);
  }
  return Object.entries(devices).map(([device, parts]) => `${text(device)} ${parts.join(" ")}`).join(" · ") || "not exposed";
}

async function refreshCluster() {
  const out = $("#cluster");
  try {
    const nodes = await api("/api/cluster/nodes");
    if (!nodes.ok) { out.textContent = (await nodes.json()).error; return; }
    const [list, jobs, boards] = [await nodes.json(), await (await api("/api/cluster/jobs")).json(), await (await api("/api/cluster/devices")).json()];
    out.className = "";
    out.innerHTML =
      `<table id="nodes"><thead><tr><th>Node</th><th>Cores</th><th>Roles</th><th>Documents/s</th><th>Load</th><th>Heat</th><th>Measured</th><th>Open jobs</th></tr></thead><tbody>${
        list.map((n) => `<tr><td>${text(n.name)}</td><td>${n.cores}</td><td>${n.roles.map(text).join(", ")}</td><td>${n.documentsPerSecond ? n.documentsPerSecond.toFixed(0) : "not yet"}</td>` +
          `<td><div class="bar ${n.load > 0.9 ? "negative" : ""}"><span style="width:${Math.round(Math.min(1, n.load) * 100)}%"></span></div></td>` +
          `<td class="heat">${heat(n.heat)}</td>` +
          `<td>${n.gemmGflops ? n.gemmGflops.toFixed(0) + " GFLOPS" : ""} ${n.embeddingsPerSecond ? n.embeddingsPerSecond.toFixed(0) + " sentences/s" : ""} ${n.devices.map(text).join(", ")}</td><td>${n.openJobs}</td></tr>`).join("")}</tbody></table>` +
      (boards.length ? `<table id="boards"><thead><tr><th>Board</th><th>State</th><th>Kind</th><th>Retries</th></tr></thead><tbody>${
        boards.map((b) => `<tr><td>${text(b.name)}</td><td class="${b.state === "paired" ? "pass" : b.state === "rejected" || b.state === "unattached" ? "fail" : ""}" title="${text(b.problems.join("; "))}">${text(b.state)}</td><td>${text(b.hello ? b.hello.board : "?")}</td><td>${b.retries}</td></tr>`).join("")}</tbody></table>` : "") +
      `<table id="cluster-jobs"><thead><tr><th>Job</th><th>Kind</th><th>Progress</th><th>Shards by node</th></tr></thead><tbody>${
        jobs.slice(0, 10).map((j) => `<tr><td>${text(j.id)}</td><td>${text(j.kind)}</td><td class="${j.state === "failed" ? "fail" : ""}"><div class="bar"><span style="width:${Math.round(100 * j.shardsDone / Math.max(1, j.shards))}%"></span></div> ${j.shardsDone}/${j.shards} ${text(j.state)}</td>` +
          `<td>${Object.entries(j.shardsByNode).map(([node, count]) => `${text(node)} ${Math.round(100 * count / Math.max(1, j.shards))}%`).join(", ")}</td></tr>`).join("")}</tbody></table>`;
  } catch { /* shown by the status line */ }
}

async function listen() {
  const status = $("#status");
  try {
    const response = await api("/api/samples/live");
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    status.textContent = "live";
    status.className = "status live";
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] || "null");
        if (name === "hello") {
          devices = data.devices;
          document.title = `Hearth · ${data.host}`;
          $("h1").lastChild.textContent = ` Hearth · ${data.host}`;
          for (const [key, points] of Object.entries(data.recent)) series.set(key, points);
          activeAlerts = new Map(data.alerts.map((a) => [a.key, a]));
          renderAlerts(data.alerts);
        } else if (name === "sample") {
          const at = Date.parse(data.at);
          for (const [key, v] of Object.entries(data.values)) addPoint(key, at, v);
        } else if (name === "alert") {
          onAlert(data);
        }
        renderDevices();
      }
    }
  } catch (error) {
    status.textContent = `disconnected (${error.message}); retrying…`;
    status.className = "status down";
  }
  setTimeout(listen, 2000);
}

function bar(label, value, kind = "") {
  const width = Math.round(Math.min(1, Math.abs(value)) * 100);
  return `<span>${text(label)}</span><div class="bar ${kind}"><span style="width:${width}%"></span></div><span>${value.toFixed(2)}</span>`;
}

function highlight(content, entities) {
  const mentions = (entities || []).flatMap((e) => e.mentions.map((m) => ({ ...m, type: e.type }))).sort((a, b) => a.start - b.start);
  let html = "", at = 0;
  for (const m of mentions) {
    if (m.start < at) continue;
    html += text(content.slice(at, m.start)) + `<mark title="${text(m.type)}" data-type="${text(m.type)}">${text(content.slice(m.start, m.start + m.length))}</mark>`;
    at = m.start + m.length;
  }
  return html + text(content.slice(at));
}

$("#analyze").addEventListener("submit", async (event) => {
  event.preventDefault();
  const content = $("#text").value;
  const out = $("#analysis");
  out.textContent = "analysing…";
  try {
    const response = await api("/api/analyze", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: content }) });
    const r = await response.json();
    if (!response.ok) { out.textContent = `${r.detail} (${r.fix})`; return; }
    const s = r.sentiment.document, e = r.emotion.document;
    out.innerHTML =
      `<p class="muted">language ${text(r.language.code)} · ${r.usage.words} words · ${r.usage.sentences} sentences${r.notes.length ? " · " + r.notes.map(text).join("; ") : ""}</p>` +
      `<div class="analysed" id="analysed">${highlight(content, r.entities)}</div>` +
      `<div class="bars" id="sentiment">${bar(`sentiment: ${s.label}`, s.score, s.label)}</div>` +
      `<div class="bars" id="emotions">${["anger", "disgust", "fear", "joy", "sadness"].map((k) => bar(k, e[k])).join("")}</div>` +
      `<p>tone: ${r.tone.document.map((t) => `${text(t.toneName)} ${t.score.toFixed(2)}`).join(", ") || "none strong enough"}</p>` +
      `<p class="chips">${r.keywords.map((k) => `<span>${text(k.text)}</span>`).join("")}</p>`;
  } catch (error) {
    out.textContent = `failed: ${error.message}`;
  }
});

$("#login").addEventListener("submit", (event) => {
  event.preventDefault();
  token = $("#token").value.trim();
  localStorage.setItem("hearth-token", token);
  $("#login").hidden = true;
});

if (location.hash.includes("token=")) {
  localStorage.setItem("hearth-token", token);
  history.replaceState(null, "", location.pathname); // keep the token out of the address bar
}
listen();
refreshTables();
setInterval(refreshTables, 10000);
refreshCluster();
setInterval(refreshCluster, 2000);
