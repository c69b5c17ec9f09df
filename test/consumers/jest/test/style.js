// `import '@connect-widget/react/style.css'` in a component, as Jest sees it.
module.exports = {};
