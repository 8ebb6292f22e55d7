// Renders the OpenAPI document's operations as a readable list (no external viewer needed offline).
"use strict";
(async () => {
  const box = document.getElementById("ops");
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  try {
    const doc = await (await fetch("openapi/v1.json")).json();
    box.replaceChildren(el("h2", null, `${doc.info.title} ${doc.info.version}`), el("p", "muted", doc.info.description || ""));
    for (const [path, item] of Object.entries(doc.paths).sort()) {
      for (const method of ["get", "post", "put", "delete"]) {
        const op = item[method];
        if (!op) continue;
        const div = el("div", "op");
        div.id = op.operationId || `${method}-${path}`;
        const line = el("div");
        line.append(el("span", `method ${method}`, method.toUpperCase()), el("code", null, path), el("span", "muted", `  ${op.summary || ""}`));
        div.append(line);
        if (op.description) div.append(el("div", "params", op.description));
        const params = (op.parameters || []).map((p) => `${p.name} (${p.in}${p.required ? ", required" : ""})`);
        if (params.length) div.append(el("div", "params", `Parameters: ${params.join(", ")}`));
        if (op.requestBody) {
          const schema = op.requestBody.content && Object.values(op.requestBody.content)[0].schema;
          const ref = schema && (schema.$ref || (schema.oneOf || schema.anyOf || []).map((x) => x.$ref).find(Boolean));
          const target = ref && doc.components.schemas[ref.split("/").pop()];
          if (target && target.properties) div.append(el("div", "params", `Body (JSON): ${Object.keys(target.properties).join(", ")}`));
        }
        const codes = Object.keys(op.responses || {});
        if (codes.length) div.append(el("div", "params", `Responses: ${codes.join(", ")}; scope: ${(op.tags || []).filter((t) => t === "read" || t === "write").join("") || "none"}`));
        box.append(div);
      }
    }
  } catch (e) {
    box.textContent = `Could not load the OpenAPI document: ${e.message}`;
  }
})();
