// Types for `virtual:pwa-register`, the registration helper vite-plugin-pwa generates.
/// <reference types="vite-plugin-pwa/vanillajs" />
