// /docs: Swagger UI (vendored, static/vendor/swagger-ui) over this service's /openapi.yaml.
// No top bar, no validator badge (it would call another host); "try it" is on and talks
// to this origin, the spec having no `servers` of its own.
window.addEventListener("DOMContentLoaded", () => {
  window.ui = window.SwaggerUIBundle({
    url: document.body.dataset.spec,
    dom_id: "#swagger-ui",
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: true,
    persistAuthorization: false,
    displayRequestDuration: true,
    defaultModelsExpandDepth: 0,
    queryConfigEnabled: false,
  });
});
