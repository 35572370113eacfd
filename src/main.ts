/** The app's entry: global styles, then the Svelte app in #app. */
import { mount } from 'svelte';
import './ui/theme.css';
import App from './ui/App.svelte';
import { startServiceWorker } from './ui/offline/service-worker.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });

// After mounting, so precaching 30 MB never delays the first lesson.
startServiceWorker();
