import { mount } from './mount';

// The `/connect.js` entry: the whole script is this global.
window.ConnectWidget = { mount };
