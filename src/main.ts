/** The app's entry: global styles, then the Svelte app in #app. */
import { mount } from 'svelte';
import './ui/theme.css';
import App from './ui/App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });
