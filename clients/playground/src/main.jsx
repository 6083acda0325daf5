import { createRoot } from 'react-dom/client';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './playground.css';
import { App } from './App.jsx';

createRoot(document.getElementById('root')).render(<App />);
