// The modules a cell can import: the MCP SDK and zod resolve to the bundled packages.
import { describe, expect, it } from 'vitest';
import { CELL_MODULE_NAMES, CELL_MODULES } from '../../../src/kernel/modules';

const load = async (name: string) => {
  expect(CELL_MODULE_NAMES).toContain(name);
  return (await CELL_MODULES[name]()) as Record<string, unknown>;
};

describe('cell modules', () => {
  it('resolve the MCP SDK entry points the lesson imports, and zod', async () => {
    const { McpServer } = await load('@modelcontextprotocol/sdk/server/mcp.js');
    const { Client } = await load('@modelcontextprotocol/sdk/client/index.js');
    const { InMemoryTransport } = await load('@modelcontextprotocol/sdk/inMemory.js');
    const { McpError } = await load('@modelcontextprotocol/sdk/types.js');
    const { z } = await load('zod');
    for (const value of [McpServer, Client, InMemoryTransport, McpError]) {
      expect(typeof value).toBe('function');
    }
    expect(typeof (z as { object: unknown }).object).toBe('function');
  });

  it('let a server and a client from them talk over the in-memory transport', async () => {
    const sdk = {
      ...(await load('@modelcontextprotocol/sdk/server/mcp.js')),
      ...(await load('@modelcontextprotocol/sdk/client/index.js')),
      ...(await load('@modelcontextprotocol/sdk/inMemory.js')),
    } as unknown as typeof import('@modelcontextprotocol/sdk/server/mcp.js') &
      typeof import('@modelcontextprotocol/sdk/client/index.js') &
      typeof import('@modelcontextprotocol/sdk/inMemory.js');
    const { z } = (await load('zod')) as unknown as typeof import('zod');
    const server = new sdk.McpServer({ name: 'test', version: '1.0.0' });
    server.registerTool(
      'add',
      { description: 'Add two numbers', inputSchema: { a: z.number(), b: z.number() } },
      async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
    );
    const [clientSide, serverSide] = sdk.InMemoryTransport.createLinkedPair();
    const client = new sdk.Client({ name: 'test-client', version: '1.0.0' });
    await server.connect(serverSide);
    await client.connect(clientSide);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['add']);
    const result = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
    expect(result.content).toEqual([{ type: 'text', text: '5' }]);
    await client.close();
  });
});
