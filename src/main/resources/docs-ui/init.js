window.ui = SwaggerUIBundle({
  url: '/openapi.yaml',
  dom_id: '#ui',
  deepLinking: true,
  tryItOutEnabled: true
});
