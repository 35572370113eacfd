"""Synthetic chat transcripts for Playgrad's offline tool-calling model (tool-lm), and the
chat template it reads. scripts/models/train-tool-lm.py trains on them; the TypeScript
provider (src/lib/llm/offline-template.ts) writes the same template, and the held-out
fixture it is tested on carries both sides.

Every transcript is: an optional system turn that lists the tools on offer in a fixed text
form, a user turn, and the assistant's reply. The reply either answers (a refusal when no
listed tool fits) or calls a tool with JSON between <tool_call> markers; after a tool turn
with the result, a second assistant turn answers from it. Which tools are listed, in which
order, under which of a few names and parameter names, varies: the model must read the list.

Held-out material (numbers, search topics, countries, cities, code words) never appears in
training transcripts, so the held-out measurement includes arguments the model cannot have
memorised.
"""
import json
import random
import re

SYSTEM, USER, ASSISTANT, TOOL, END = "<|system|>", "<|user|>", "<|assistant|>", "<|tool|>", "<|end|>"
CALL_OPEN, CALL_CLOSE = "<tool_call>", "</tool_call>"
SPECIALS = [SYSTEM, USER, ASSISTANT, TOOL, END, CALL_OPEN, CALL_CLOSE]
# Pieces of the template and of tool-call JSON that are one token each.
TEMPLATE_PIECES = ['{"name": "', '", "arguments": {', '": "', '"}}', "Tools:\n- ", "(", "): "]

DECLINE = "Sorry, none of my tools can help with that."
GREETING = "Hello! Ask me a question and I will use my tools to answer it."

# What a tool does, under the names and parameter names the model sees in training.
TOOL_KINDS = {
    "calculator": dict(names=["calculator", "calc", "math"], params=["expression", "expr"],
                       descriptions=["Evaluate an arithmetic expression.",
                                     "Compute the value of a math expression.",
                                     "Do arithmetic with + - * / and parentheses."]),
    "search": dict(names=["search", "search_notes", "search_course"], params=["query", "q"],
                   descriptions=["Search the course notes.",
                                 "Find passages in the course documents.",
                                 "Search the RAG index of the course corpus."]),
    "lookup": dict(names=["lookup", "get_capital", "capital_of"], params=["country", "key"],
                   descriptions=["Look up the capital city of a country.",
                                 "Return the capital of the given country.",
                                 "Look up a country in the table of capitals."]),
    "weather": dict(names=["get_weather", "weather"], params=["city", "location"],
                    descriptions=["Get the current weather for a city.",
                                  "Return today's weather in a place."]),
    "run_code": dict(names=["run_code", "run_js", "execute"], params=["code", "source"],
                     descriptions=["Run JavaScript code in the kernel and return what it prints.",
                                   "Execute a snippet of JavaScript.",
                                   "Run code and return its result."]),
}
SYSTEM_TEXTS = ["", "", "You are a helpful assistant.", "You are Playgrad's offline agent.",
                "Use the tools when they help.", "Answer briefly."]

NAMES = ["Tom", "Ana", "Sam", "Lea", "Omar", "Mia", "Raj", "Zoe", "Ivan", "Kim", "Noor", "Ben",
         "Eva", "Leo", "Aya", "Max", "Ines", "Paul", "Yuki", "Dan"]
ITEMS = ["apples", "books", "coins", "cards", "pens", "eggs", "stamps", "shells", "marbles",
         "cookies", "tickets", "boxes", "plants", "stones", "bottles", "shirts"]
TOPICS = ["gradient descent", "learning rate", "overfitting", "tokenization", "attention",
          "embeddings", "cross validation", "loss functions", "softmax", "backpropagation",
          "decision trees", "k-means", "linear regression", "logistic regression", "dropout",
          "batch normalization", "convolution", "transformers", "vector search", "cosine similarity",
          "chunking", "retrieval", "prompting", "temperature", "top-p sampling", "the white whale",
          "Captain Ahab", "Ishmael", "the Pequod", "harpoons", "whaling", "the sea", "Queequeg",
          "sailors", "the chapter on Loomings", "precision and recall", "confusion matrices",
          "feature scaling", "train and test splits", "regularization", "neural networks",
          "activation functions", "the kernel", "tensors", "matrix multiplication", "PCA",
          "clustering", "nearest neighbours", "random forests", "evaluation", "agents", "tool calling",
          "MCP", "JSON schema", "the context window", "chat templates", "beam search",
          "word vectors", "language models", "perplexity", "the course syllabus", "exercises",
          "hyperparameters", "early stopping", "optimizers", "Adam", "momentum", "data loaders",
          "image classification", "MNIST", "sentiment analysis", "RAG pipelines", "rerankers"]
CAPITALS = {
    "France": "Paris", "Germany": "Berlin", "Italy": "Rome", "Spain": "Madrid", "Portugal": "Lisbon",
    "Norway": "Oslo", "Sweden": "Stockholm", "Finland": "Helsinki", "Denmark": "Copenhagen",
    "Poland": "Warsaw", "Austria": "Vienna", "Greece": "Athens", "Ireland": "Dublin",
    "Belgium": "Brussels", "Netherlands": "Amsterdam", "Hungary": "Budapest", "Czechia": "Prague",
    "Romania": "Bucharest", "Bulgaria": "Sofia", "Croatia": "Zagreb", "Serbia": "Belgrade",
    "Ukraine": "Kyiv", "Turkey": "Ankara", "Egypt": "Cairo", "Kenya": "Nairobi", "Nigeria": "Abuja",
    "Ghana": "Accra", "Morocco": "Rabat", "Ethiopia": "Addis Ababa", "Senegal": "Dakar",
    "Japan": "Tokyo", "China": "Beijing", "India": "New Delhi", "Nepal": "Kathmandu",
    "Thailand": "Bangkok", "Vietnam": "Hanoi", "Indonesia": "Jakarta", "Peru": "Lima",
    "Chile": "Santiago", "Argentina": "Buenos Aires", "Brazil": "Brasilia", "Mexico": "Mexico City",
    "Canada": "Ottawa", "Cuba": "Havana", "Colombia": "Bogota", "Australia": "Canberra",
    "Iceland": "Reykjavik", "Estonia": "Tallinn", "Latvia": "Riga", "Lithuania": "Vilnius",
    "Slovakia": "Bratislava", "Slovenia": "Ljubljana", "Iran": "Tehran", "Iraq": "Baghdad",
    "Jordan": "Amman", "Qatar": "Doha", "Oman": "Muscat", "Pakistan": "Islamabad",
    "Mongolia": "Ulaanbaatar", "Uganda": "Kampala", "Tunisia": "Tunis", "Malta": "Valletta",
    "Cyprus": "Nicosia", "Albania": "Tirana", "Georgia": "Tbilisi", "Armenia": "Yerevan",
}
CITIES = ["Paris", "Oslo", "Lima", "Tokyo", "Cairo", "Berlin", "Madrid", "Rome", "Dublin", "Quito",
          "Nairobi", "Lagos", "Seoul", "Hanoi", "Sydney", "Boston", "Denver", "Toronto", "Leeds",
          "Porto", "Bergen", "Lyon", "Milan", "Krakow", "Zurich", "Geneva", "Vienna", "Prague",
          "Athens", "Dakar", "Accra", "Delhi", "Mumbai", "Osaka", "Perth", "Austin", "Chicago"]
CONDITIONS = ["sunny", "cloudy", "rainy", "windy", "foggy", "snowy", "clear"]
WORDS = ["whale", "ocean", "ship", "sail", "model", "token", "vector", "kernel", "lesson",
         "python", "harbor", "anchor", "storm", "island", "compass", "island", "signal", "matrix",
         "tensor", "graph", "course", "answer", "agent", "cloud", "river", "forest", "mountain"]
OUT_OF_SCOPE = ["Write a poem about {w}.", "Book a flight to {c}.", "Send an email to {n}.",
                "Translate '{w}' into French.", "Order a pizza for {n}.", "Play some music.",
                "Set an alarm for 7 am.", "Tell me a joke about {w}s.", "Draw a picture of a {w}.",
                "Call {n} on the phone.", "Buy a ticket to {c}."]
GREETINGS = ["Hello!", "Hi there.", "Hi, who are you?", "Hello, what can you do?", "Good morning!"]


def held_out_number(n):
    """About one integer in eleven never appears in training: 5, 16, 27, ..."""
    return n % 11 == 5


def split_list(values, every=6):
    """Every `every`-th value is held out: (train, held)."""
    return ([v for i, v in enumerate(values) if i % every != 3],
            [v for i, v in enumerate(values) if i % every == 3])


def corpus_sentences(text):
    text = " ".join(text.split())
    found = re.findall(r"[A-Z][^.!?]{20,110}[.!?]", text)
    return [s for s in found if '"' not in s and "\\" not in s]


class Material:
    """The values a generator draws from: the training part or the held-out part."""

    def __init__(self, held, sentences):
        pick = 1 if held else 0
        self.held = held
        self.topics = split_list(TOPICS)[pick]
        countries = sorted(CAPITALS)
        self.countries = split_list(countries)[pick]
        self.cities = split_list(CITIES)[pick]
        self.words = split_list(WORDS)[pick]
        self.sentences = split_list(sentences, 5)[pick]


def format_tool(name, param, description):
    return f"{name}({param}: string): {description}"


def tools_block(tools):
    return "Tools:\n" + "".join(f"- {format_tool(*t)}\n" for t in tools)


def tool_call_json(name, arguments):
    # Python's json.dumps with its default separators: the TS side writes the same text.
    return json.dumps({"name": name, "arguments": arguments}, ensure_ascii=False)


def render(system_text, tools, turns):
    """The template's text: turns are (role, text); an assistant text is already rendered."""
    out = ""
    system = system_text
    if tools:
        system = (system + "\n" if system else "") + tools_block(tools)
    if system:
        out += SYSTEM + system + END + "\n"
    for role, text in turns:
        out += {"user": USER, "assistant": ASSISTANT, "tool": TOOL}[role] + text + END + "\n"
    return out


def format_result(value):
    if abs(value - round(value)) < 1e-9:
        return str(int(round(value)))
    return f"{value:.4f}".rstrip("0").rstrip(".")


class Generator:
    def __init__(self, rng, material):
        self.rng = rng
        self.m = material

    def number(self, low=1, high=999):
        while True:
            n = self.rng.randint(low, high)
            if held_out_number(n) == self.m.held or (self.m.held and self.rng.random() < 0.5):
                return n

    def task(self, kind):
        """(user text, arguments value, tool result, answer) for a task of `kind`."""
        r, m = self.rng, self.m
        if kind == "calculator":
            return self.calculation()
        if kind == "search":
            topic = r.choice(m.topics)
            user = r.choice(["What do the notes say about {t}?", "Search the course for {t}.",
                             "Find notes on {t}.", "Explain {t} using the course notes.",
                             "Where does the course talk about {t}?",
                             "Can you search the notes for {t}?"]).format(t=topic)
            passage = r.choice(m.sentences)
            return user, topic, passage, "The notes say: " + passage
        if kind == "lookup":
            country = r.choice(m.countries)
            user = r.choice(["What is the capital of {c}?", "Which city is the capital of {c}?",
                             "Tell me the capital of {c}.", "What's {c}'s capital?"]).format(c=country)
            capital = CAPITALS[country]
            return user, country, capital, f"The capital of {country} is {capital}."
        if kind == "weather":
            city = r.choice(m.cities)
            user = r.choice(["What's the weather in {c}?", "Is it raining in {c}?",
                             "How warm is it in {c} today?", "Weather for {c}, please."]).format(c=city)
            result = f"{r.randint(-5, 35)} C, {r.choice(CONDITIONS)}"
            return user, city, result, f"The weather in {city}: {result}."
        if kind == "run_code":
            code, result = self.snippet()
            user = r.choice(["Run this code: {c}", "What does {c} return?",
                             "Execute {c} in the kernel.", "Please run {c}"]).format(c=code)
            return user, code, result, r.choice(["It returned {x}.", "The result is {x}."]).format(x=result)
        raise ValueError(kind)

    def calculation(self):
        r = self.rng
        a, b = self.number(), self.number(1, 99)
        op = r.choice("+-*/")
        if op == "/":
            a = b * self.number(1, 40)
        if op == "-" and a < b:
            a, b = b, a
        value = {"+": a + b, "-": a - b, "*": a * b, "/": a / b}[op]
        expression = f"{a} {op} {b}"
        word = {"+": "plus", "-": "minus", "*": "times", "/": "divided by"}[op]
        name, item = r.choice(NAMES), r.choice(ITEMS)
        style = r.random()
        if style < 0.3:
            user = r.choice(["What is {e}?", "Calculate {e}.", "Compute {e}, please.",
                             "How much is {e}?"]).format(e=expression)
        elif style < 0.45:
            user = r.choice(["What is {a} {w} {b}?", "How much is {a} {w} {b}?"]).format(a=a, w=word, b=b)
        elif style < 0.55:
            c = self.number(2, 20)
            expression = f"({a} {op} {b}) * {c}"
            value = value * c
            user = r.choice(["What is {e}?", "Calculate {e}."]).format(e=expression)
        else:
            user = {
                "+": "{n} has {a} {i} and gets {b} more. How many {i} does {n} have now?",
                "-": "{n} had {a} {i} and gave away {b}. How many {i} are left?",
                "*": "{n} buys {a} packs of {b} {i}. How many {i} is that in total?",
                "/": "{n} shares {a} {i} equally among {b} friends. How many {i} does each friend get?",
            }[op].format(n=name, a=a, b=b, i=item)
        result = format_result(value)
        answer = r.choice(["The answer is {x}.", "{e} = {x}.", "That makes {x}."]) \
            .format(x=result, e=expression)
        return user, expression, result, answer

    def snippet(self):
        r = self.rng
        a, b = self.number(1, 99), self.number(1, 99)
        choice = r.randrange(5)
        if choice == 0:
            return f"Math.max({a}, {b})", str(max(a, b))
        if choice == 1:
            return f"{a} * {b} + 1", str(a * b + 1)
        if choice == 2:
            word = r.choice(self.m.words)
            return f"'{word}'.toUpperCase()", word.upper()
        if choice == 3:
            items = [self.number(1, 99) for _ in range(r.randint(2, 5))]
            return f"[{', '.join(map(str, items))}].length", str(len(items))
        word = r.choice(self.m.words)
        return f"'{word}'.length", str(len(word))

    def listed_tools(self, must=None, must_not=None):
        """A random subset of tool kinds in random order, each under a random name."""
        kinds = [k for k in TOOL_KINDS if k != must_not]
        self.rng.shuffle(kinds)
        chosen = kinds[:self.rng.randint(0, len(kinds))]
        if must and must not in chosen:
            chosen.insert(self.rng.randint(0, len(chosen)), must)
        tools, by_kind = [], {}
        for kind in chosen:
            spec = TOOL_KINDS[kind]
            t = (self.rng.choice(spec["names"]), self.rng.choice(spec["params"]),
                 self.rng.choice(spec["descriptions"]))
            tools.append(t)
            by_kind[kind] = t
        return tools, by_kind

    def transcript(self):
        """One case: a dict with everything the trainer and the tests need."""
        r = self.rng
        system_text = r.choice(SYSTEM_TEXTS)
        roll = r.random()
        kinds = list(TOOL_KINDS)
        if roll < 0.75:  # a task whose tool is listed: call it, then answer
            kind = r.choice(kinds)
            tools, by_kind = self.listed_tools(must=kind)
            user, arg, result, answer = self.task(kind)
            name, param, _ = by_kind[kind]
            call = {"name": name, "arguments": {param: arg}}
            return dict(kind=kind, system=system_text, tools=tools, user=user, call=call,
                        result=result, answer=answer)
        if roll < 0.9:  # a task whose tool is not listed: decline
            kind = r.choice(kinds)
            tools, _ = self.listed_tools(must_not=kind)
            user = self.task(kind)[0]
        elif roll < 0.97:  # something no tool does
            tools, _ = self.listed_tools()
            user = r.choice(OUT_OF_SCOPE).format(w=r.choice(self.m.words), c=r.choice(self.m.cities),
                                                 n=r.choice(NAMES))
            kind = "none"
        else:
            tools, _ = self.listed_tools()
            return dict(kind="greeting", system=system_text, tools=tools, user=r.choice(GREETINGS),
                        call=None, result=None, answer=GREETING)
        return dict(kind="decline", system=system_text, tools=tools, user=user, call=None,
                    result=None, answer=DECLINE)


def segments(case):
    """The transcript as (text, trained) pieces: the loss counts only the assistant's text."""
    pieces = [(render(case["system"], case["tools"], []) + USER + case["user"] + END + "\n" + ASSISTANT,
               False)]
    if case["call"] is None:
        pieces.append((case["answer"] + END, True))
        return pieces
    call = CALL_OPEN + tool_call_json(case["call"]["name"], case["call"]["arguments"]) + CALL_CLOSE
    pieces.append((call + END, True))
    pieces.append(("\n" + TOOL + case["result"] + END + "\n" + ASSISTANT, False))
    pieces.append((case["answer"] + END, True))
    return pieces


def as_request(case):
    """The case as the TS provider is asked it: OpenAI-style messages and tool specs."""
    tools = [{"name": n, "description": d,
              "parameters": {"type": "object", "properties": {p: {"type": "string"}}, "required": [p]}}
             for n, p, d in case["tools"]]
    messages = ([{"role": "system", "content": case["system"]}] if case["system"] else [])
    messages.append({"role": "user", "content": case["user"]})
    return {"tools": tools, "messages": messages}
